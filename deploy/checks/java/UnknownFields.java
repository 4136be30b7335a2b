import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reports the fields of rendered Kubernetes objects that their typed model does not know: a misspelt
 * {@code readinesProbe} or a field at the wrong level, which the API server would drop or refuse
 * ({@code kubectl apply --validate=strict}) but a type-checking schema accepts.
 *
 * <p>Each object is read into its fabric8 model (chosen by apiVersion and kind); fabric8 keeps fields it
 * does not know in {@code getAdditionalProperties()}, so any non-empty one, at any depth, is an unknown
 * field. Kinds without a typed model here (the Strimzi kinds, validated against their strict CRD schemas
 * by validate-manifests.mjs) are listed as not checked, never passed silently as checked.
 *
 * <p>Run with the classpath of pom.xml: {@code java -cp CP UnknownFields.java RENDERED.yaml...}; exit 1
 * when there is an unknown field.
 */
public class UnknownFields {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<String> problems = new ArrayList<>();
        Set<String> untyped = new TreeSet<>();
        int checked = 0;
        for (String file : args) {
            var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(Path.of(file)));
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                String where = Path.of(file).getFileName() + " " + document.path("kind").asText() + "/"
                        + document.path("metadata").path("name").asText();
                KubernetesResource resource = serialization.unmarshal(JSON.writeValueAsString(document));
                if (resource instanceof GenericKubernetesResource) {
                    untyped.add(document.path("apiVersion").asText() + " " + document.path("kind").asText());
                    continue;
                }
                checked++;
                walk(resource, "", where, problems);
            }
        }
        System.out.println("unknown-field check: " + checked + " objects read into typed models"
                + (untyped.isEmpty() ? "" : "; no typed model here (checked by their CRD schema instead): " + untyped));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("INVALID " + p));
            System.err.println("unknown-field check FAILED: " + problems.size() + " unknown field(s)");
            System.exit(1);
        }
    }

    /** Visits every model object under {@code value}, reporting non-empty additional properties. */
    private static void walk(Object value, String path, String where, List<String> problems) throws Exception {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "/" + i++, where, problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "/" + entry.getKey(), where, problems);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return; // strings, numbers, enums: leaves
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (InvocationTargetException e) {
                continue; // a computed getter that needs state the object does not have
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": " + (path.isEmpty() ? "/" : path) + " has unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(child, path + "/" + property, where, problems);
        }
    }
}
