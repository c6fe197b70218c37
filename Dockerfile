FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN python scripts/compile_messages.py \
 && DJANGO_ENV=production SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
 && useradd --create-home --uid 1000 jeugdregio \
 && mkdir -p /app/var/media && chown -R jeugdregio /app/var

USER jeugdregio
EXPOSE 8000
