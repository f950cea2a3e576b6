// Secrets that live only as long as the app is open. Passwords of locked PDFs are kept here
// so the person types each one once per session; they are never written to disk (the reader
// promises "the password … is not stored").
export const sessionPasswords = new Map<string, string>();
