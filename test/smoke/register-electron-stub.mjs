// node --import ./register-electron-stub.mjs …: resolve `electron` to the stand-in.
import { register } from 'node:module';
register(new URL('./electron-loader.mjs', import.meta.url));
