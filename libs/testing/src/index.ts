export * from './demo-data';
export * from './wait-for';
export * from './test-config';
export * from './fixture-cluster';
export * from './api-client';
export * from './commendation-setup';
export * from './dossier';
