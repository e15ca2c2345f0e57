/** Lengths enforced on input and in the schema, so an over-long string is refused, not truncated. */
export const MAX = {
  name: 200,
  shortName: 20,
  code: 40,
  title: 200,
  description: 5000,
  note: 2000,
  reason: 1000,
  timeZone: 64,
} as const;
