# syntax=docker/dockerfile:1

# Build: the production jar (Vaadin's production bundle, no dev tools). Tests run in CI, not here.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY . .
# The cache mount keeps ~/.m2 between builds, so only changed dependencies are downloaded again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -Pproduction -DskipTests package

# Run: a JRE and the fat jar, as an unprivileged user. The runtime image has neither curl nor wget:
# curl is added for the health check (compose.yaml). fonts-noto-cjk gives reports their Chinese, Japanese and Korean
# glyphs (Campus Sans, see docs/decisions/0030); without it those characters print blank.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system campuscrm \
    && useradd --system --gid campuscrm --home-dir /app --shell /usr/sbin/nologin campuscrm \
    && mkdir -p /app /data \
    && chown campuscrm:campuscrm /data
WORKDIR /app
COPY --from=build /build/target/campus-crm.jar app.jar
USER campuscrm
# Uploaded documents (and the embedded database, when no external one is configured) live here: mount a volume.
ENV CAMPUSCRM_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
