-- Run once by the postgres image on an empty data volume (docker-compose.yml mounts this folder at
-- /docker-entrypoint-initdb.d). One database per service that keeps state; Flyway creates the tables.
CREATE DATABASE panel;
CREATE DATABASE report;
