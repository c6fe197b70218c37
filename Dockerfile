FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN python scripts/compile_messages.py \
 && DJANGO_ENV=production ALLOWED_HOSTS=localhost \
    SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python manage.py collectstatic --noinput \
 && useradd --create-home --uid 1000 jeugdregio \
 && mkdir -p /app/var/media && chown -R jeugdregio /app/var

USER jeugdregio
EXPOSE 8000
