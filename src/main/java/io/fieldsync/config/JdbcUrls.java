package io.fieldsync.config;

import java.util.regex.Pattern;

/** JDBC URLs as they may appear in logs and messages: never with a password in them. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    public static String withoutSecrets(String url) {
        if (url == null) {
            return "(empty)";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1=***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }
}
