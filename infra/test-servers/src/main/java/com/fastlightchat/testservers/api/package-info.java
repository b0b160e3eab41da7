/**
 * API test helpers shared by the services' tests: the operations of a service's OpenAPI document (so that
 * cross-tenant and fuzzing tests cover a new endpoint the day it is added) and jqwik arbitraries of JSON, shaped by
 * a schema or not at all.
 */
package com.fastlightchat.testservers.api;
