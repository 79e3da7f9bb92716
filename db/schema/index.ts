export * from './enums';
export * from './localities';
export * from './users';
export * from './settings';
export * from './partnerships';
export * from './agreements';
export * from './activities';
export * from './audit';
