#!/bin/sh
# First start of the MySQL container: the connector's state store, and a field-service
# database made from the reference schema (stand-in for a real FSM database).
set -e
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS fieldsync_state CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS fieldservice CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'fieldsync'@'%' IDENTIFIED BY '${FIELDSYNC_DB_PASSWORD:-fieldsync}';
GRANT ALL ON fieldsync_state.* TO 'fieldsync'@'%';
GRANT SELECT, INSERT, UPDATE ON fieldservice.* TO 'fieldsync'@'%';
SQL
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" fieldservice < /fieldservice/schema.sql
