package io.nohold.engineapi;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door in front of the engine's REST API ({@code /engine-rest}, HTTP Basic) and the webapps' copy of it
 * ({@code <app>/api/engine}, the Tasklist's and Cockpit's session): administrators pass, everyone else only through
 * the calls of {@link EngineDoors}. A refused call is answered with {@link Denial} before the engine is touched, so
 * it changes nothing. On the calls that pass, a 403 of the engine itself (which names the task, instance or
 * definition and the permission that was missing) is replaced by the same answer, and a 404 by a generic one.
 * <p>
 * The webapps' admin API ({@code <app>/api/admin}) keeps its login, setup and plugin scripts; its data (the metrics
 * of the Admin app's dashboard) is for administrators.
 */
class EngineDoorFilter extends OncePerRequestFilter {

    private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/([^/]+)(/.*)?");

    private static final Pattern ENGINE_LIST = Pattern.compile("/engine/?");

    private static final Pattern ADMIN_PLUGIN_DATA = Pattern.compile("/plugin/[^/]+/(?!static/)[^/]+(/.*)?");

    /** Cockpit's plugin queries (statistics, instance and incident lists): data, unlike its scripts under static/. */
    private static final Pattern PLUGIN_DATA = ADMIN_PLUGIN_DATA;

    private final ProcessEngine engine;

    private final String engineRest;

    private final String webappEngine;

    private final String webappAdmin;

    private final String webappCockpit;

    EngineDoorFilter(ProcessEngine engine, String engineRest, String webappApi) {
        this.engine = engine;
        this.engineRest = engineRest;
        this.webappEngine = webappApi + "/engine";
        this.webappAdmin = webappApi + "/admin";
        this.webappCockpit = webappApi + "/cockpit";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (under(path, webappAdmin)) {
            adminApi(request, response, chain, path.substring(webappAdmin.length()));
            return;
        }
        if (under(path, webappCockpit)) {
            cockpitApi(request, response, chain, path.substring(webappCockpit.length()));
            return;
        }
        Target target;
        Caller caller;
        if (under(path, engineRest)) {
            target = engineRestTarget(path.substring(engineRest.length()));
            caller = engineRestCaller();
        }
        else if (under(path, webappEngine)) {
            target = webappTarget(path.substring(webappEngine.length()));
            caller = sessionCaller(request, target.engine() == null ? engine.getName() : target.engine());
        }
        else {
            chain.doFilter(request, response);
            return;
        }
        if (caller.admin()) {
            chain.doFilter(request, response);
            return;
        }
        if (!passes(request, target, caller)) {
            Denial.write(response);
            return;
        }
        DenialMask masked = new DenialMask(response);
        chain.doFilter(request, masked);
        masked.finish();
    }

    private boolean passes(HttpServletRequest request, Target target, Caller caller) {
        if (!plain(request) || target.path() == null || target.engine() != null && !target.engine().equals(engine.getName())) {
            return false;
        }
        // without a session (it expired) the webapps answer the Tasklist's calls with 401 and it shows its login again
        return caller.signedIn() ? EngineDoors.opens(request.getMethod(), target.path(), caller)
                : EngineDoors.listed(request.getMethod(), target.path());
    }

    /**
     * The admin API: its login and plugin scripts for everyone; its data for administrators; and never the first-admin
     * setup, which Camunda opens to anyone until an administrator exists: on a fresh installation whoever came first
     * would become administrator. The first administrator comes from {@code camunda.bpm.admin-user} (see
     * docs/operations.md) or, in the demo, from the demo data.
     */
    private void adminApi(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws ServletException, IOException {
        boolean setup = path.startsWith("/setup/") && !"GET".equals(request.getMethod());
        if (setup || !plain(request)
                || ADMIN_PLUGIN_DATA.matcher(path).matches() && !sessionCaller(request, engine.getName()).admin()) {
            Denial.write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Cockpit's own plugin API answers what the engine API would refuse (statistics of every definition a caller may
     * read): its data only for Cockpit's readers, refusals masked as on the engine API.
     */
    private void cockpitApi(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws ServletException, IOException {
        Caller caller = sessionCaller(request, engine.getName());
        if (caller.admin() || !PLUGIN_DATA.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (!plain(request) || !caller.cockpitReader()) {
            Denial.write(response);
            return;
        }
        DenialMask masked = new DenialMask(response);
        chain.doFilter(request, masked);
        masked.finish();
    }

    /** Where a call goes: the engine named in the path (null: the default engine) and the path below it. */
    record Target(String engine, String path) {

        static final Target NOWHERE = new Target(null, null);

    }

    /** {@code /engine}, {@code /engine/{name}/...} or, for the default engine, the path itself. */
    static Target engineRestTarget(String rest) {
        if (ENGINE_LIST.matcher(rest).matches()) {
            return new Target(null, "/engine");
        }
        Matcher named = NAMED_ENGINE.matcher(rest);
        if (named.matches()) {
            return new Target(named.group(1), trimmed(named.group(2)));
        }
        return new Target(null, trimmed(rest));
    }

    /** The webapps' engine API always names the engine: {@code /engine/} or {@code /engine/{name}/...}. */
    static Target webappTarget(String rest) {
        if (ENGINE_LIST.matcher(rest).matches()) {
            return new Target(null, "/engine");
        }
        Matcher named = NAMED_ENGINE.matcher(rest);
        return named.matches() ? new Target(named.group(1), trimmed(named.group(2))) : Target.NOWHERE;
    }

    private static String trimmed(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Camunda's filter in front of /engine-rest has signed the caller in to the engine for this request. */
    private Caller engineRestCaller() {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? Caller.ANONYMOUS
                : new Caller(authentication.getUserId(), authentication.getGroupIds());
    }

    /**
     * The webapps keep who signed in, with their groups, in the session; the engine uses these same groups for this
     * request. Read without creating a session.
     */
    private static Caller sessionCaller(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Caller.ANONYMOUS;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? new Caller(user.getName(), user.getGroupIds())
                : Caller.ANONYMOUS;
    }

    /**
     * The path as the engine's REST layer will read it has no parameters (;), encoded slashes or doubled slashes
     * that could make it read differently from the path this door matched.
     */
    private static boolean plain(HttpServletRequest request) {
        String uri = request.getRequestURI().toLowerCase(Locale.ROOT);
        return !uri.contains(";") && !uri.contains("%2f") && !uri.contains("%5c") && !uri.contains("//")
                && !uri.contains("%25") && !uri.contains("%2e") && !uri.contains("/./") && !uri.contains("/../")
                && !uri.endsWith("/.") && !uri.endsWith("/..");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

}
