export * from './task-queues';
export * from './pledge-signing/pledge-signing.ids';
export * from './pledge-signing/pledge-signing.messages';
export * from './pledge-signing/pledge-signing.activities';
