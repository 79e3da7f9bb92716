import { sql } from 'drizzle-orm';
import { db } from '../index';

/** Empties every table of the test database, so a test starts from nothing. Tests only. */
export async function resetDatabase(): Promise<void> {
  await db.execute(sql`
    truncate table dashboard_activity_counts, dashboard_activity_facts, dashboard_donation_totals, dashboard_quantity_facts,
      import_rows, imports, audit_events, activity_photos, activity_milestones, activity_organisations, activity_quantities,
      activity_partnerships, activities, agreement_file_parts, agreement_files, agreement_signatories,
      agreements, partnership_status_events, partnerships, settings, sign_in_attempts, sessions, recovery_codes, users, locality_names, localities
    restart identity cascade`);
}
