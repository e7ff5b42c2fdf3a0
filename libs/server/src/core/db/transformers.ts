import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint comes back as a string; KRW amounts fit comfortably in a JS number. */
export const bigintToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};

/** numeric → number (SLA minutes carry fractions). */
export const numericToNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
