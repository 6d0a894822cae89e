/**
 * Row types of the `service` schema, derived from the generated schema, with text enums narrowed
 * and jsonb parsed in one mapping function per table.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.generated.js';
import { BOOKING_STATUSES, MEASURE_STATUSES, RATING_STATUSES } from '../../../../contracts/service.js';

function oneOf<const T extends readonly string[]>(values: T, v: string | null, column: string): T[number] {
  if (v !== null && (values as readonly string[]).includes(v)) return v as T[number];
  throw new Error(`service: unexpected ${column} '${v}'`);
}
function optionalOneOf<const T extends readonly string[]>(values: T, v: string | null, column: string): T[number] | null {
  return v === null ? null : oneOf(values, v, column);
}

const EVALUATIONS = ['fixed', 'not_fixed'] as const;
const CHANNELS = ['counter', 'online'] as const;
const Strings = z.array(z.string());
const Actions = z.array(z.object({ department: z.string(), action: z.string() }));

export type ItemRow = Omit<Selectable<DB['service.item']>, 'departments'> & { departments: string[] };
export const toItem = (r: Selectable<DB['service.item']>): ItemRow => ({ ...r, departments: Strings.parse(r.departments) });

export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export type MeasureRow = Omit<Selectable<DB['service.measure']>, 'status' | 'evaluation'> & { status: MeasureStatus; evaluation: (typeof EVALUATIONS)[number] | null };
export const toMeasure = (r: Selectable<DB['service.measure']>): MeasureRow => ({
  ...r,
  status: oneOf(MEASURE_STATUSES, r.status, 'measure.status'),
  evaluation: optionalOneOf(EVALUATIONS, r.evaluation, 'measure.evaluation'),
});

export type FindingRow = Selectable<DB['service.finding']>;
export type ExperiencerRow = Selectable<DB['service.experiencer']>;
export type CategoryRow = Selectable<DB['service.finding_category']>;
export type SuggestionRow = Selectable<DB['service.suggestion']>;
export type SessionRow = Selectable<DB['service.clinic_session']>;

export type RatingStatus = (typeof RATING_STATUSES)[number];
export type RatingRow = Omit<Selectable<DB['service.rating']>, 'status' | 'channel'> & { status: RatingStatus; channel: (typeof CHANNELS)[number] };
export const toRating = (r: Selectable<DB['service.rating']>): RatingRow => ({
  ...r,
  status: oneOf(RATING_STATUSES, r.status, 'rating.status'),
  channel: oneOf(CHANNELS, r.channel, 'rating.channel'),
});

export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookingRow = Omit<Selectable<DB['service.clinic_booking']>, 'status' | 'actions'> & { status: BookingStatus; actions: { department: string; action: string }[] };
export const toBooking = (r: Selectable<DB['service.clinic_booking']>): BookingRow => ({
  ...r,
  status: oneOf(BOOKING_STATUSES, r.status, 'booking.status'),
  actions: Actions.parse(r.actions),
});
