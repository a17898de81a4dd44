package io.github.buttplugjava.btle.conformance;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.InputStream;
import java.util.Map;

/** Loads the upstream device test cases, turning every {@code !Tag} node into a {@link Tagged}. */
final class CaseYaml {

    private CaseYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(InputStream in) {
        return (Map<String, Object>) new Yaml(new TaggedConstructor()).load(in);
    }

    private static final class TaggedConstructor extends SafeConstructor {
        TaggedConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!")) {
                        throw new IllegalArgumentException("unexpected tag " + tag);
                    }
                    Object value;
                    if (node instanceof MappingNode m) {
                        value = constructMapping(m);
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructScalar((ScalarNode) node);
                    }
                    return new Tagged(tag.substring(1), value);
                }
            });
        }
    }
}
