// Issue 17: the facts an inbound write is decided on (the number's owner, its channels, their
// memberships, the org's policies) carry a version on the number's owner row. Every change to
// one bumps it by trigger, whoever writes it, so a replica that planned an inbound message on
// facts it kept finds out in the write itself (inboundSql.ts) and plans again: never wrong rows.
// The triggers decide nothing: they count changes. Step 22: a fact change also takes the number's
// facts lock (an advisory lock) exclusively, which an inbound write holds shared from before it
// reads the version: the two wait for each other without writing a lock into the owner row (a
// row held FOR SHARE by many writers at once is rewritten by each of them).
import type { MigrationStep } from '../../common/migrationStep';

/** The advisory lock key of a number's facts (an SQL expression of `number`). */
export const factsLockKey = (number: string) => `hashtextextended('facts ' || ${number}, 17)`;

export const inboundFactsSteps: readonly MigrationStep[] = [
  {
    version: 21,
    name: 'a version of the facts inbound writes are decided on (issue 17)',
    statements: [
      `ALTER TABLE number_owners ADD COLUMN facts bigint NOT NULL DEFAULT 0`,
      `CREATE FUNCTION onenumber_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'policies' THEN
            UPDATE number_owners SET facts = facts + 1 WHERE org = COALESCE(NEW.org, OLD.org);
          ELSE
            UPDATE number_owners SET facts = facts + 1 WHERE number = COALESCE(NEW.number, OLD.number);
            IF TG_OP = 'UPDATE' AND NEW.number IS DISTINCT FROM OLD.number THEN
              UPDATE number_owners SET facts = facts + 1 WHERE number = OLD.number;
            END IF;
          END IF;
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER channels_facts AFTER INSERT OR UPDATE OR DELETE ON channels FOR EACH ROW EXECUTE FUNCTION onenumber_facts_changed()`,
      `CREATE TRIGGER memberships_facts AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION onenumber_facts_changed()`,
      `CREATE TRIGGER policies_facts AFTER INSERT OR UPDATE OR DELETE ON policies FOR EACH ROW EXECUTE FUNCTION onenumber_facts_changed()`,
      // The owner row itself: a new owner is a new set of facts.
      `CREATE FUNCTION onenumber_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.org IS DISTINCT FROM OLD.org THEN NEW.facts := OLD.facts + 1; END IF;
          RETURN NEW;
        END $$`,
      `CREATE TRIGGER number_owners_facts BEFORE UPDATE ON number_owners FOR EACH ROW EXECUTE FUNCTION onenumber_owner_changed()`,
    ],
  },
  {
    version: 22,
    name: 'fact changes take the number facts lock (issue 17)',
    statements: [
      `CREATE OR REPLACE FUNCTION onenumber_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'policies' THEN
            PERFORM pg_advisory_xact_lock(${factsLockKey('o.number')}) FROM (
              SELECT number FROM number_owners WHERE org = COALESCE(NEW.org, OLD.org) ORDER BY number
            ) AS o;
            UPDATE number_owners SET facts = facts + 1 WHERE org = COALESCE(NEW.org, OLD.org);
          ELSE
            PERFORM pg_advisory_xact_lock(${factsLockKey('COALESCE(NEW.number, OLD.number)')});
            UPDATE number_owners SET facts = facts + 1 WHERE number = COALESCE(NEW.number, OLD.number);
            IF TG_OP = 'UPDATE' AND NEW.number IS DISTINCT FROM OLD.number THEN
              PERFORM pg_advisory_xact_lock(${factsLockKey('OLD.number')});
              UPDATE number_owners SET facts = facts + 1 WHERE number = OLD.number;
            END IF;
          END IF;
          RETURN NULL;
        END $$`,
      `CREATE OR REPLACE FUNCTION onenumber_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.org IS DISTINCT FROM OLD.org THEN
            PERFORM pg_advisory_xact_lock(${factsLockKey('NEW.number')});
            NEW.facts := OLD.facts + 1;
          END IF;
          RETURN NEW;
        END $$`,
    ],
  },
];
