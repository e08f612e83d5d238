package io.fieldsync.runs;

import java.util.UUID;

import io.fieldsync.config.FieldSyncProperties;
import io.fieldsync.state.SyncRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who runs a sync: the node ({@code fieldsync.node-id}, default the host name), which survives a
 * restart, and this process's instance (a random id per start). A run of this node left RUNNING
 * by another instance was left by a process of this node that died: it is ended at once on start.
 * Several instances on one host each need a node id of their own.
 */
@Component
public class NodeIdentity {

    private final String nodeId;
    private final String instanceId = UUID.randomUUID().toString();

    @Autowired
    public NodeIdentity(FieldSyncProperties settings) {
        this(settings.nodeId());
    }

    NodeIdentity(String nodeId) {
        this.nodeId = nodeId == null || nodeId.isBlank() ? hostName() : nodeId.trim();
    }

    public String nodeId() {
        return nodeId;
    }

    public String instanceId() {
        return instanceId;
    }

    /** A run of this node that another process of it started: that process is gone. */
    public boolean leftByDeadProcess(SyncRun run) {
        return nodeId.equals(run.getNodeId()) && !instanceId.equals(run.getInstanceId());
    }

    private static String hostName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (!host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }
}
