export * from './temporal-client.module';
