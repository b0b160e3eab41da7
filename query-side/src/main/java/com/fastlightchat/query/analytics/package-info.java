/**
 * Analytics: a Kafka Streams application that turns chat and organization events into per-organization, per-team
 * and per-agent figures in hourly and daily buckets (counts, first response, reply and resolution times with their
 * business-hours variants) and the live backlog, materialized into PostgreSQL for the query API and Prometheus.
 */
package com.fastlightchat.query.analytics;
