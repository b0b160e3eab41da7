/** The benchmark report: JSON, Markdown and an SVG latency plot, with each target and whether it was met. */
package com.fastlightchat.loadgen.report;
