// Shared setup for unit tests. Kept empty of globals on purpose: tests import what they use.
export {};
