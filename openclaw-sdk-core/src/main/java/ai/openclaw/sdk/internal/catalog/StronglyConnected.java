package ai.openclaw.sdk.internal.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tarjan's strongly connected components, iterative so that a long chain cannot overflow the stack. */
public final class StronglyConnected {
    private StronglyConnected() {}

    /** The components of the graph, each a set of nodes; single nodes included. */
    public static List<Set<String>> components(Map<String, List<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> result = new ArrayList<>();
        int counter = 0;
        for (String root : edges.keySet()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            index.put(root, counter);
            low.put(root, counter);
            counter++;
            stack.push(root);
            onStack.add(root);
            work.push(Map.entry(root, edges.getOrDefault(root, List.of()).iterator()));
            while (!work.isEmpty()) {
                Map.Entry<String, Iterator<String>> frame = work.peek();
                String node = frame.getKey();
                Iterator<String> it = frame.getValue();
                if (it.hasNext()) {
                    String next = it.next();
                    if (!index.containsKey(next)) {
                        index.put(next, counter);
                        low.put(next, counter);
                        counter++;
                        stack.push(next);
                        onStack.add(next);
                        work.push(Map.entry(
                                next, edges.getOrDefault(next, List.of()).iterator()));
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = work.peek().getKey();
                        low.put(parent, Math.min(low.get(parent), low.get(node)));
                    }
                    if (low.get(node).equals(index.get(node))) {
                        Set<String> component = new LinkedHashSet<>();
                        String member;
                        do {
                            member = stack.pop();
                            onStack.remove(member);
                            component.add(member);
                        } while (!member.equals(node));
                        result.add(component);
                    }
                }
            }
        }
        return result;
    }
}
