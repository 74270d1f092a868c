export * from './import-table';
export * from './import-scope';
export * from './award-import';
export * from './person-import';
export * from './unit-import';
export * from './membership-import';
export * from './import-kinds';
