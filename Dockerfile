# TakedownDesk web application image.
#   build:  docker build -t takedowndesk .        (podman: podman build --pull=never -t takedowndesk .)
#   run:    docker run -p 8080:8080 -v takedowndesk-data:/data takedowndesk
#
# Runtime base: Debian 12 with the ASP.NET Core runtime copied from the official aspnet image.
# Since .NET 10 the official images are Ubuntu 24.04 only, and Ubuntu ships Chromium as a snap,
# which cannot be installed in a container; Debian packages Chromium as a normal .deb (the
# same chromium that the CI machines test the PDF rendering with).

# ---- build ---------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Restore from the project files only, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/TakedownDesk.Domain/TakedownDesk.Domain.csproj                       src/TakedownDesk.Domain/
COPY src/TakedownDesk.Application/TakedownDesk.Application.csproj             src/TakedownDesk.Application/
COPY src/TakedownDesk.Infrastructure/TakedownDesk.Infrastructure.csproj       src/TakedownDesk.Infrastructure/
COPY src/TakedownDesk.Migrations.Sqlite/TakedownDesk.Migrations.Sqlite.csproj       src/TakedownDesk.Migrations.Sqlite/
COPY src/TakedownDesk.Migrations.Postgres/TakedownDesk.Migrations.Postgres.csproj   src/TakedownDesk.Migrations.Postgres/
COPY src/TakedownDesk.Migrations.SqlServer/TakedownDesk.Migrations.SqlServer.csproj src/TakedownDesk.Migrations.SqlServer/
COPY src/TakedownDesk.Web/TakedownDesk.Web.csproj                             src/TakedownDesk.Web/
RUN dotnet restore src/TakedownDesk.Web/TakedownDesk.Web.csproj

COPY src/ src/
COPY templates/ templates/
RUN dotnet publish src/TakedownDesk.Web/TakedownDesk.Web.csproj \
      -c Release -o /app --no-restore -p:UseAppHost=false

# ---- ASP.NET Core runtime (source of /usr/share/dotnet) -------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

# ---- runtime -------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime

# .NET runtime dependencies (ICU: globalization is on), Chromium + fonts for PDF rendering,
# curl for the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates libicu72 libssl3 libstdc++6 tzdata zlib1g \
      chromium fonts-dejavu-core \
      curl \
 && rm -rf /var/lib/apt/lists/*

COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

RUN groupadd --gid 10001 takedown \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin takedown \
 && mkdir -p /data \
 && chown takedown:takedown /data

WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_URLS=http://+:8080 \
    TakedownDesk__DataDirectory=/data \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

USER 10001:10001
VOLUME /data
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["curl", "--fail", "--silent", "--show-error", "--output", "/dev/null", "http://127.0.0.1:8080/health/ready"]

ENTRYPOINT ["dotnet", "TakedownDesk.Web.dll"]
