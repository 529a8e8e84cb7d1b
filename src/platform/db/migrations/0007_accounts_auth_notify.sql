-- Session lookups are cached in each server process (accounts/session-cache.ts). Every change
-- that can alter the answer of a lookup notifies channel qc_auth_changed, and every process that
-- hears it drops its cache: a session deleted or changed (other than a last_seen_at touch), a user
-- changed (other than its last login time) or deleted, an org unit changed or deleted. Inserts
-- alter no existing answer (a lookup that found nothing is never cached). NOTIFY is sent at
-- commit and folds identical notifications of one transaction into one.
CREATE FUNCTION notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('qc_auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER sessions_auth_updated AFTER UPDATE ON sessions
  FOR EACH ROW WHEN ((OLD.id, OLD.user_id, OLD.csrf_token, OLD.expires_at) IS DISTINCT FROM (NEW.id, NEW.user_id, NEW.csrf_token, NEW.expires_at))
  EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER sessions_auth_truncated AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();

CREATE TRIGGER users_auth_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER users_auth_updated AFTER UPDATE ON users
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_login_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_login_at'))
  EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER users_auth_truncated AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();

CREATE TRIGGER org_units_auth_deleted AFTER DELETE ON org_units
  FOR EACH ROW EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER org_units_auth_updated AFTER UPDATE ON org_units
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION notify_auth_changed();
CREATE TRIGGER org_units_auth_truncated AFTER TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_changed();
