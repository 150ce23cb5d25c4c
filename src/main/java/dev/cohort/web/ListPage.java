package dev.cohort.web;

import java.util.List;

/** The MeltingSpot list shape: one page of items and the total across all pages. */
public record ListPage<T>(List<T> items, long total) {
}
