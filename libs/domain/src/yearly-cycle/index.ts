export * from './actor-rules';
export * from './registration.state';
export * from './assessment.state';
export * from './ballot-box.state';
