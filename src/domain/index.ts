/** The rules of docs/rules.md as pure functions: no database, no GraphQL, no clock of their own. */
export * from './clock';
export * from './dates';
export * from './enums';
export * from './milestone';
export * from './periods';
export * from './rollup';
export * from './access';
export * from './dashboard';
export * from './indicator';
export * from './briefing';
export * from './health';
export * from './numbers';
export * from './statuses';
export * from './goal-tree';
export * from './refusal';
export * from './lifecycle';
export * from './dependencies';
