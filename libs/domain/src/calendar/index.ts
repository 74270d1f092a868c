export * from './vietnam-time';
export * from './cycle-clock';
export * from './working-day-calendar';
