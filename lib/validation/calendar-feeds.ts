import { z } from 'zod';

/** The feed a "make a new address" or "turn off" form acts on: the live feed the page showed, by id. */
export const calendarFeedTargetSchema = z.object({ feedId: z.uuid() });

export type CalendarFeedTarget = z.infer<typeof calendarFeedTargetSchema>;
