package org.exportguard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theStrictReaderRefusesDuplicateFieldsTrailingContentAndNaN() throws Exception {
        assertEquals("x", Json.STRICT_READER.readTree(utf8("{\"name\":\"x\"}")).get("name").asText());
        JsonProcessingException dup = assertThrows(JsonProcessingException.class,
                () -> Json.STRICT_READER.readTree(utf8("{\"name\":\"x\",\"name\":\"y\"}")));
        assertTrue(dup.getOriginalMessage().startsWith("Duplicate field 'name'"), dup.getOriginalMessage());
        assertThrows(JsonProcessingException.class, () -> Json.STRICT_READER.readTree(utf8("{\"a\":1} trailing")));
        assertThrows(JsonProcessingException.class, () -> Json.STRICT_READER.readTree(utf8("{\"a\":NaN}")));
    }

    @Test
    void theMapperKeepsJacksonsDefaults() throws Exception {
        // the last duplicate wins and trailing content is ignored: what every reader of the program's own JSON saw
        assertEquals("y", Json.MAPPER.readTree("{\"name\":\"x\",\"name\":\"y\"}").get("name").asText());
        assertEquals("{\"a\":1,\"b\":[true,null]}", Json.line(Json.MAPPER.readTree("{\"a\":1,\"b\":[true,null]}")));
        assertEquals("{\n  \"a\" : 1\n}", Json.pretty(Json.object().put("a", 1)).replace("\r\n", "\n"));
    }
}
