from celery import shared_task

from . import services


@shared_task
def deactivate_unused_accounts():
    """Daily: switches off accounts unused for ACCOUNT_INACTIVE_DAYS (never the last administrator). Idempotent."""
    return services.deactivate_unused()


@shared_task
def purge_audit_log():
    """Daily: removes audit entries older than AUDIT_RETENTION_DAYS. Idempotent."""
    return services.purge_audit_log()
