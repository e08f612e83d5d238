package io.fieldsync.schedule;

import io.fieldsync.xero.AuthorisedTokens;
import io.fieldsync.xero.TokenRefreshSettings;
import io.fieldsync.xero.XeroConnectionException;
import io.fieldsync.xero.XeroSettings;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What the keep-alive trigger runs (on one node of the cluster): refreshes the Xero connection's
 * tokens when no sync did for {@code fieldsync.xero.token-refresh.after}. A refused refresh shows
 * RECONNECT_NEEDED and alerts once (as any refresh does); Xero out of reach shows UNREACHABLE and
 * the next check tries again. A custom connection has no refresh token: nothing to do.
 */
@DisallowConcurrentExecution
public class TokenRefreshJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(TokenRefreshJob.class);

    @Autowired
    private AuthorisedTokens tokens;

    @Autowired
    private XeroSettings xero;

    @Autowired
    private TokenRefreshSettings settings;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!xero.authorisationCode()) {
            return;
        }
        try {
            AuthorisedTokens.KeepAlive done = tokens.keepAlive(settings.after());
            if (done == AuthorisedTokens.KeepAlive.REFRESHED) {
                log.info("Xero tokens refreshed by the keep-alive: no sync had refreshed them for {}", settings.after());
            }
        } catch (XeroConnectionException e) {
            // the status and the alert already say so; Quartz would only log it too
            log.warn("The Xero token keep-alive could not refresh the tokens: {}", e.getMessage());
        }
    }
}
