/**
 * The dose tables of the index: the extractors that fill them at ingest ("dose report", "image technique"), the
 * relinking of a study's irradiation events to its images after each arrival, and the queries behind the dose
 * answers of the REST API and the CLI.
 */
package org.kerma.registry.dose;
