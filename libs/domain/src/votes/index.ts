export * from './vote.types';
export * from './vote';
export * from './ballot-box.state';
