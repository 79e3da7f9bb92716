// The spreadsheet import's pure library: reading a file, mapping its columns, and reading its cells. No database,
// no React; the engine (db/imports) builds on it.
export * from './read';
export * from './columns';
export * from './dates';
export * from './names';
export * from './values';
