export * from './rule-set.types';
export * from './default-rule-set';
export * from './phase-plan';
export * from './actor-rules';
export * from './registration.state';
export * from './scoring';
export * from './assessment.state';
