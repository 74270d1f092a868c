export * from './errors/domain-error-code';
export * from './errors/domain-error-messages';
export * from './errors/domain.exception';
export * from './calendar/vietnam-time';
export * from './calendar/cycle-clock';
export * from './pledge-signing/signing-round.types';
export * from './pledge-signing/signing-round.state';
