export * from './temporal-client.module';
export * from './payload-key-ring';
export * from './encryption-codec';
export * from './ballot-seal';
export * from './data-converter';
