export * from './organisation-tree';
