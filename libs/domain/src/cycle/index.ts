export * from './rule-set.types';
export * from './working-day-calendar';
export * from './phase-plan';
export * from './assessment';
export * from './vote';
export * from './default-rule-set';
