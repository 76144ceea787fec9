package org.linearmodels.data;

import java.util.Map;

/**
 * Which data a model was trained on, precisely enough to reproduce it.
 *
 * @param md5 the md5 of each data file, by file name
 */
public record DataProvenance(String name, String source, Map<String, String> md5,
        long trainExamples) {}
