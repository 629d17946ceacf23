export * from './domain.js';
export * from './demand-status.js';
export * from './api.js';
export * from './time-zones.js';
export * from './reminders.js';
export * from './notifications.js';
export * from './term-days.js';
export * from './system-notes.js';
