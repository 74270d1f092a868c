export * from './task-queues';
export * from './pledge-signing/pledge-signing.ids';
export * from './pledge-signing/pledge-signing.messages';
export * from './pledge-signing/pledge-signing.activities';
export * from './yearly-cycle/yearly-cycle.ids';
export * from './yearly-cycle/yearly-cycle.messages';
export * from './yearly-cycle/yearly-cycle.activities';
export * from './reminders/reminders.activities';
