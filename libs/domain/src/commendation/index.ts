export * from './award-form.types';
export * from './eligibility';
export * from './nomination.state';
export * from './default-award-forms';
export * from './recognition-report';
export * from './award-period';
export * from './document-profile';
