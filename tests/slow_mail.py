"""A file mail backend that takes its time, as an SMTP conversation does: the message is accepted (written)
only at the end, so a worker killed while sending leaves no message behind. Used by the Celery crash test."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class EmailBackend(FileBackend):
    def write_message(self, message):
        time.sleep(float(os.environ.get("MAIL_DELAY_SECONDS", "0.2")))
        super().write_message(message)
