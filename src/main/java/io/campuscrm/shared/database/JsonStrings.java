package io.campuscrm.shared.database;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list of strings as a text column keeps it, a JSON array: the arguments of an audit summary ({@code summary_args})
 * or of a job's result ({@code result_args}).
 */
public final class JsonStrings {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonStrings() {
    }

    public static String encode(List<String> args) {
        return JsonMapper.shared().writeValueAsString(args);
    }

    public static List<String> decode(String json) {
        return JsonMapper.shared().readValue(json, STRINGS);
    }
}
