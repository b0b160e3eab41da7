/**
 * Real Kafka, PostgreSQL, MongoDB-wire and Redis servers for integration tests and the local stack, without Docker
 * (embedded, on chosen or free ports) or with Testcontainers where a Docker engine is reachable.
 */
package com.fastlightchat.testservers;
