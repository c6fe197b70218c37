FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app

# WeasyPrint renders the meeting packs and A4 documents with Pango; DejaVu is the documents' font.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN python scripts/compile_messages.py \
 && DJANGO_ENV=production ALLOWED_HOSTS=localhost REDIS_URL=redis://redis:6379/0 \
    SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    python manage.py collectstatic --noinput \
 && useradd --create-home --uid 1000 jeugdregio \
 && mkdir -p /app/var/media && chown -R jeugdregio /app/var

USER jeugdregio
EXPOSE 8000
