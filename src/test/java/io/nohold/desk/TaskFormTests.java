package io.nohold.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.nohold.desk.TaskForm.Problem;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;

/** What a task's form accepts, read from the forms in processes/ and from small forms, without the engine. */
class TaskFormTests {

    static final Path PROCESSES = Path.of("processes");

    @Test
    void everyFormInProcessesCanBeCheckedAndOffersOnlyItsEnabledInputs() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> forms = files.filter(file -> file.toString().endsWith(".form")).toList();
            assertThat(forms).isNotEmpty();
            for (Path form : forms) {
                assertThat(FormReader.read(Files.readAllBytes(form)).fields()).as("%s", form).isNotEmpty();
            }
        }
        assertThat(form("reach-customer.form").fields()).containsOnlyKeys("reachNotes", "replyToCustomer");
        assertThat(form("resolve-contact.form").fields().keySet()).containsExactly("outcome", "notes", "replyToCustomer", "accommodationType",
                "accommodationAmount", "accommodationReason", "followUpDate");
        assertThat(form("approve-accommodation.form").fields()).containsOnlyKeys("approvalDecision", "supervisorGuidance");
        assertThat(form("handle-escalation.form").fields()).containsOnlyKeys("escalationResult", "supervisorGuidance");
    }

    @Test
    void aFieldTheFormDoesNotDeclareIsNamedWithWhatTheTaskAccepts() throws IOException {
        List<Problem> problems = check("reach-customer.form", Map.of("reachNotes", "called", "caseNumber", "NH-001002"));

        assertThat(problems).extracting(Problem::sentence)
            .containsExactly("field 'caseNumber' is not a field of the form \"Reach customer\"; this task accepts: reachNotes, replyToCustomer");
    }

    @Test
    void aDisplayedFieldIsNotWritable() throws IOException {
        assertThat(check("reach-customer.form", Map.of("reachNotes", "called", "customerName", "Someone Else")))
            .extracting(Problem::field)
            .containsExactly("customerName");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws IOException {
        assertThat(check("reach-customer.form", Map.of("reachNotes", true))).extracting(Problem::sentence)
            .containsExactly("field 'reachNotes' must be text");
        assertThat(check("resolve-contact.form", resolved(Map.of("outcome", "ACCOMMODATION", "accommodationType", "REFUND",
                "accommodationAmount", "80", "accommodationReason", "broken")))).extracting(Problem::sentence)
            .containsExactly("field 'accommodationAmount' must be a number");
    }

    @Test
    void aChoiceMustBeOneOfTheDeclaredValues() throws IOException {
        assertThat(check("resolve-contact.form", Map.of("outcome", "CLOSED_FOREVER", "notes", "done"))).extracting(Problem::sentence)
            .containsExactly("field 'outcome' must be one of RESOLVED, ACCOMMODATION, SUPERVISOR_REQUESTED, FOLLOW_UP");
    }

    @Test
    void aRequiredFieldMustHaveANonBlankValue() throws IOException {
        assertThat(check("reach-customer.form", Map.of())).extracting(Problem::sentence)
            .containsExactly("field 'reachNotes' is required");
        assertThat(check("reach-customer.form", Map.of("reachNotes", "   "))).extracting(Problem::field).containsExactly("reachNotes");
        assertThat(form("reach-customer.form").problems("Reach customer", Map.of(), false, Map::of)).isEmpty();
    }

    @Test
    void aFieldTheFormHidesIsNotRequiredButIsOnceShown() throws IOException {
        assertThat(check("resolve-contact.form", Map.of("outcome", "RESOLVED", "notes", "done"))).isEmpty();
        assertThat(check("resolve-contact.form", Map.of("outcome", "ACCOMMODATION", "notes", "refund", "accommodationType", "REFUND",
                "accommodationReason", "broken")))
            .extracting(Problem::sentence)
            .containsExactly("field 'accommodationAmount' is required");
        assertThat(check("resolve-contact.form", Map.of("outcome", "FOLLOW_UP", "notes", "later"))).extracting(Problem::field)
            .containsExactly("followUpDate");
    }

    @Test
    void aHideConditionSeesTheTasksVariablesWhereNothingWasSubmitted() throws IOException {
        TaskForm form = form("resolve-contact.form");

        assertThat(form.problems("Resolve contact", Map.of("notes", "later"), true, () -> Map.of("outcome", "FOLLOW_UP")))
            .extracting(Problem::field)
            .containsExactlyInAnyOrder("outcome", "followUpDate");
    }

    @Test
    void numbersDatesAndTextKeepTheFormsLimits() throws IOException {
        Map<String, Object> accommodation = Map.of("outcome", "ACCOMMODATION", "notes", "refund", "accommodationType", "REFUND",
                "accommodationReason", "broken");
        assertThat(check("resolve-contact.form", with(accommodation, "accommodationAmount", -5))).extracting(Problem::sentence)
            .containsExactly("field 'accommodationAmount' must be at least 0");
        assertThat(check("resolve-contact.form", with(accommodation, "accommodationAmount", 12.5))).isEmpty();
        assertThat(check("resolve-contact.form", Map.of("outcome", "FOLLOW_UP", "notes", "later", "followUpDate", "next week")))
            .extracting(Problem::sentence)
            .containsExactly("field 'followUpDate' must be a date and time such as 2026-03-04T09:30");

        assertThat(check("reach-customer.form", Map.of("reachNotes", "called", "replyToCustomer", "x".repeat(4001))))
            .extracting(Problem::sentence)
            .containsExactly("field 'replyToCustomer' must be at most 4000 characters");
        assertThat(check("reach-customer.form", Map.of("reachNotes", "called", "replyToCustomer", "x".repeat(4000)))).isEmpty();
        assertThat(check("resolve-contact.form", Map.of("outcome", "RESOLVED", "notes", "done", "replyToCustomer", true)))
            .extracting(Problem::sentence)
            .containsExactly("field 'replyToCustomer' must be text");

        TaskForm limited = read("""
                {"id": "Form_Limits", "components": [
                  {"type": "textfield", "key": "code", "validate": {"maxLength": 5, "pattern": "^[A-Z]+$"}},
                  {"type": "checkbox", "key": "agreed", "validate": {"required": true}},
                  {"type": "checklist", "key": "channels", "values": [{"label": "Mail", "value": "EMAIL"}, {"label": "Phone", "value": "PHONE"}]}
                ]}""");
        assertThat(limited.problems("Limits", Map.of("code", "ABCDEFG", "agreed", true), true, Map::of)).extracting(Problem::sentence)
            .containsExactly("field 'code' must be at most 5 characters");
        assertThat(limited.problems("Limits", Map.of("code", "abc", "agreed", true), true, Map::of)).extracting(Problem::sentence)
            .containsExactly("field 'code' must match ^[A-Z]+$");
        assertThat(limited.problems("Limits", Map.of("agreed", false), true, Map::of)).extracting(Problem::sentence)
            .containsExactly("field 'agreed' is required");
        assertThat(limited.problems("Limits", Map.of("agreed", true, "channels", List.of("EMAIL", "FAX")), true, Map::of))
            .extracting(Problem::sentence)
            .containsExactly("field 'channels' must be a list of EMAIL, PHONE");
        assertThat(limited.problems("Limits", Map.of("agreed", true, "channels", List.of("PHONE")), true, Map::of)).isEmpty();
    }

    @Test
    void fieldsInGroupsCountAndGroupsHideTheirFields() {
        TaskForm grouped = read("""
                {"id": "Form_Grouped", "components": [
                  {"type": "checkbox", "key": "refund"},
                  {"type": "group", "conditional": {"hide": "=refund != true"}, "components": [
                    {"type": "number", "key": "amount", "validate": {"required": true}}
                  ]}
                ]}""");

        assertThat(grouped.fields()).containsOnlyKeys("refund", "amount");
        assertThat(grouped.problems("Grouped", Map.of("refund", false), true, Map::of)).isEmpty();
        assertThat(grouped.problems("Grouped", Map.of("refund", true), true, Map::of)).extracting(Problem::field).containsExactly("amount");
    }

    @Test
    void theFormsConditionsEvaluatedTogetherGiveEachFieldItsOwnVerdict() {
        TaskForm form = read("""
                {"id": "Form_Conditions", "components": [
                  {"type": "select", "key": "outcome", "values": [{"label": "Done", "value": "DONE"}, {"label": "Refund", "value": "REFUND"},
                    {"label": "Later", "value": "LATER"}]},
                  {"type": "number", "key": "amount", "validate": {"required": true}, "conditional": {"hide": "=outcome != \\"REFUND\\""}},
                  {"type": "textfield", "key": "reason", "validate": {"required": true}, "conditional": {"hide": "=outcome != \\"REFUND\\""}},
                  {"type": "datetime", "subtype": "date", "key": "when", "validate": {"required": true}, "conditional": {"hide": "=outcome != \\"LATER\\""}},
                  {"type": "textfield", "key": "broken", "validate": {"required": true}, "conditional": {"hide": "=outcome = = 1"}}
                ]}""");

        assertThat(form.problems("Conditions", Map.of("outcome", "DONE"), true, Map::of)).extracting(Problem::field)
            .containsExactly("broken");
        assertThat(form.problems("Conditions", Map.of("outcome", "REFUND"), true, Map::of)).extracting(Problem::field)
            .containsExactly("amount", "reason", "broken");
        assertThat(form.problems("Conditions", Map.of("outcome", "LATER"), true, Map::of)).extracting(Problem::field)
            .containsExactly("when", "broken");
    }

    @Test
    void conditionsEvaluatedTogetherAgreeWithEachAloneAlsoWhenOneOfThemFails() {
        List<HideCondition> conditions = List.of(HideCondition.of("=outcome != \"REFUND\""), HideCondition.of("=amount > 100"),
                HideCondition.of("=outcome = = 1"), HideCondition.of("=not(refund)"),
                // fails to evaluate (not only null) when the outcome is DONE: then the list fails and each is asked alone
                HideCondition.of("=assert(outcome, outcome != \"DONE\")"));

        for (Map<String, Object> data : List.<Map<String, Object>>of(Map.of("outcome", "REFUND", "amount", 150, "refund", true),
                Map.of("outcome", "DONE", "amount", 5, "refund", false),
                Map.of("outcome", "DONE", "amount", "not a number", "refund", "not a boolean"), Map.of())) {
            assertThat(HideCondition.All.of(conditions).together()).as("one FEEL evaluation for all").isTrue();
            Map<String, Boolean> together = HideCondition.All.of(conditions).verdicts(data);
            for (HideCondition condition : conditions) {
                assertThat(together.getOrDefault(condition.toString(), false)).as(condition + " on " + data)
                    .isEqualTo(condition.hides(data));
            }
        }
        assertThat(HideCondition.All.of(conditions).verdicts(Map.of("outcome", "DONE", "amount", 150, "refund", false)))
            .containsEntry("=outcome != \"REFUND\"", true)
            .containsEntry("=amount > 100", true)
            .containsEntry("=not(refund)", true)
            .containsEntry("=assert(outcome, outcome != \"DONE\")", false)
            .doesNotContainKey("=outcome = = 1");
    }

    @Test
    void aFormRemembersItsVerdictsByTheValuesItsConditionsCanRead() {
        List<HideCondition> conditions = List.of(HideCondition.of("=outcome != \"REFUND\""), HideCondition.of("=amount > 100"));
        HideCondition.All all = HideCondition.All.of(conditions);
        List<Map<String, Object>> asked = List.of(Map.of("outcome", "REFUND", "amount", 150, "notes", "first"),
                Map.of("outcome", "REFUND", "amount", 150, "notes", "second"), Map.of("outcome", "DONE", "amount", 150),
                Map.of("outcome", "REFUND", "amount", 50), new HashMap<>(Map.of("amount", 50)), Map.of("amount", 50, "out", "x"), Map.of("amount", 50, "outcomes", "x"));

        for (Map<String, Object> data : asked) {
            Map<String, Boolean> verdicts = all.verdicts(data);
            for (HideCondition condition : conditions) {
                assertThat(verdicts.getOrDefault(condition.toString(), false)).as(condition + " on " + data)
                    .isEqualTo(condition.hides(data));
            }
            assertThat(all.verdicts(data)).as("asked again").isEqualTo(verdicts);
        }
        // notes and outcomes are read by no condition; "out" occurs in "outcome", so it is part of the key (harmlessly)
        assertThat(all.remembered()).isEqualTo(5);
    }

    @Test
    void verdictsThatDependOnMoreThanPlainValuesAreNotRemembered() {
        HideCondition.All clock = HideCondition.All.of(List.of(HideCondition.of("=outcome = \"LATER\""),
                HideCondition.of("=today() > date(\"2000-01-01\")")));
        assertThat(clock.verdicts(Map.of("outcome", "LATER"))).containsEntry("=today() > date(\"2000-01-01\")", true);
        assertThat(clock.remembered()).as("reads the clock").isZero();

        HideCondition.All items = HideCondition.All.of(List.of(HideCondition.of("=count(items) > 1"),
                HideCondition.of("=amount > 100")));
        List<Object> list = new java.util.ArrayList<>(List.of("a", "b"));
        assertThat(items.verdicts(Map.of("items", list, "amount", 5))).containsEntry("=count(items) > 1", true);
        list.remove(1);
        assertThat(items.verdicts(Map.of("items", list, "amount", 5))).as("the list changed")
            .containsEntry("=count(items) > 1", false);
        assertThat(items.remembered()).isZero();

        HideCondition.All random = HideCondition.All.of(List.of(HideCondition.of("=outcome = \"LATER\""),
                HideCondition.of("=substring(uuid(), 1, 1) < \"8\"")));
        random.verdicts(Map.of("outcome", "LATER"));
        assertThat(random.remembered()).as("draws a random value").isZero();

        HideCondition.All texts = HideCondition.All.of(List.of(HideCondition.of("=outcome = \"LATER\""),
                HideCondition.of("=amount > 100")));
        assertThat(texts.verdicts(Map.of("outcome", "x".repeat(HideCondition.All.REMEMBERED_TEXT + 1), "amount", 5)))
            .containsEntry("=outcome = \"LATER\"", false);
        assertThat(texts.remembered()).as("a long text is not kept").isZero();

        HideCondition.All amounts = HideCondition.All.of(List.of(HideCondition.of("=amount > 100"), HideCondition.of("=amount < 0")));
        for (int amount = 0; amount <= HideCondition.All.REMEMBERED * 2; amount++) {
            assertThat(amounts.verdicts(Map.of("amount", amount))).containsEntry("=amount > 100", amount > 100);
        }
        assertThat(amounts.remembered()).as("bounded").isBetween(1, HideCondition.All.REMEMBERED);
    }

    @Test
    void onlyWhatTheConditionsNameDecidesTheirVerdicts() {
        // FEEL-Scala reads the left side of "in" from the variable that "inputVariableName" names: submitted alongside,
        // it would turn 5000 in [0..1000] into 5000 in [0..5000]; the conditions never name it, so they never see it
        List<HideCondition> conditions = List.of(HideCondition.of("=amount in [0..approvalLimit]"), HideCondition.of("=amount < 0"));
        HideCondition.All all = HideCondition.All.of(conditions);

        assertThat(all.verdicts(Map.of("amount", 5000, "approvalLimit", 1000, "inputVariableName", "approvalLimit")))
            .containsEntry("=amount in [0..approvalLimit]", false);
        assertThat(all.verdicts(Map.of("amount", 5000, "approvalLimit", 1000))).containsEntry("=amount in [0..approvalLimit]", false);
        assertThat(all.verdicts(Map.of("amount", 500, "approvalLimit", 1000, "", "anything")))
            .containsEntry("=amount in [0..approvalLimit]", true);
        assertThat(all.remembered()).isEqualTo(2);
    }

    @Test
    void aSubmissionCannotTalkTheFormOutOfARequiredFieldNowOrForTheNextOne() {
        TaskForm form = read("""
                {"id": "Form_Limit", "components": [
                  {"type": "number", "key": "amount"},
                  {"type": "textfield", "key": "justification", "validate": {"required": true},
                    "conditional": {"hide": "=amount in [0..approvalLimit]"}},
                  {"type": "textfield", "key": "note", "conditional": {"hide": "=amount < 0"}}
                ]}""");
        java.util.function.Supplier<Map<String, Object>> variables = () -> Map.of("approvalLimit", 1000);

        // FEEL-Scala would read "in"'s left side from the variable "inputVariableName" names, turning the test into
        // 5000 in [0..5000]: refused as a field the form does not have, and the justification is still asked for
        assertThat(form.problems("Limit", Map.of("amount", 5000, "inputVariableName", "approvalLimit"), true, variables))
            .extracting(Problem::field)
            .containsExactlyInAnyOrder("inputVariableName", "justification");
        assertThat(form.problems("Limit", Map.of("amount", 5000), true, variables)).as("the next submission, same values")
            .extracting(Problem::field)
            .containsExactly("justification");
        assertThat(form.problems("Limit", Map.of("amount", 500), true, variables)).as("within the limit: hidden").isEmpty();
    }

    @Test
    void aCommentInOneConditionCannotSwallowTheNextOnesInTheList() {
        // alone: false, a string (so shown), true; joined carelessly the comment and the string's line break made the
        // list [true, false, false]
        List<HideCondition> conditions = List.of(HideCondition.of("=false // "),
                HideCondition.of("=\"x\n or true), (false), (false)] //\""), HideCondition.of("=amount < 100"));
        Map<String, Object> data = Map.of("amount", 50);

        assertThat(conditions).extracting(condition -> condition.hides(data)).containsExactly(false, false, true);
        assertThat(HideCondition.All.of(conditions).verdicts(data))
            .containsEntry("=false // ", false)
            .containsEntry("=\"x\n or true), (false), (false)] //\"", false)
            .containsEntry("=amount < 100", true);
    }

    @Test
    void whatTheGuardCannotCheckIsRefusedWhenTheFormIsRead() {
        assertThatThrownBy(() -> read("""
                {"id": "Form_Dynamic", "components": [{"type": "select", "key": "rep", "valuesKey": "reps"}]}"""))
            .hasMessageContaining("component 'rep' of form Form_Dynamic takes its options from variables");
        assertThatThrownBy(() -> read("""
                {"id": "Form_Path", "components": [{"type": "textfield", "key": "customer.name"}]}"""))
            .hasMessageContaining("writes a data path");
        assertThatThrownBy(() -> read("""
                {"id": "Form_List", "components": [{"type": "dynamiclist", "path": "items", "components": [
                  {"type": "textfield", "key": "item"}]}]}"""))
            .hasMessageContaining("nests its data under a path");
        assertThatThrownBy(() -> read("""
                {"id": "Form_Upload", "components": [{"type": "filepicker", "key": "photo"}]}"""))
            .hasMessageContaining("is a keyed component of type 'filepicker'");
    }

    @Test
    void typedValuesAreCheckedAsWhatTheyAreNotAsWhatTheyPrintAs() throws IOException {
        ObjectValue textAsJson = Variables.serializedObjectValue("\"RESOLVED\"")
            .serializationDataFormat("application/json")
            .objectTypeName("java.lang.String")
            .create();
        ObjectValue listAsJson = Variables.serializedObjectValue("[\"EMAIL\",\"PHONE\"]")
            .serializationDataFormat("application/json")
            .objectTypeName("java.util.ArrayList")
            .create();

        Map<String, Object> values = SubmittedValues.of(Variables.createVariables()
            .putValueTyped("outcome", textAsJson)
            .putValueTyped("channels", listAsJson)
            .putValueTyped("notes", Variables.stringValue("done"))
            .putValueTyped("amount", Variables.untypedValue(80))
            .putValueTyped("nothing", Variables.untypedNullValue()));

        assertThat(values.get("outcome")).isInstanceOf(SubmittedValues.Structured.class);
        assertThat(values.get("channels")).isEqualTo(List.of("EMAIL", "PHONE"));
        assertThat(values).containsEntry("notes", "done").containsEntry("amount", 80).containsEntry("nothing", null);
        assertThat(check("resolve-contact.form", Map.of("outcome", values.get("outcome"), "notes", "done")))
            .extracting(Problem::sentence)
            .contains("field 'outcome' must be one of RESOLVED, ACCOMMODATION, SUPERVISOR_REQUESTED, FOLLOW_UP");
    }

    private static List<Problem> check(String file, Map<String, Object> values) throws IOException {
        String name = switch (file) {
            case "reach-customer.form" -> "Reach customer";
            case "resolve-contact.form" -> "Resolve contact";
            default -> file;
        };
        return form(file).problems(name, values, true, Map::of);
    }

    private static Map<String, Object> resolved(Map<String, Object> values) {
        return with(values, "notes", "done");
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static TaskForm form(String file) throws IOException {
        return FormReader.read(Files.readAllBytes(PROCESSES.resolve(file)));
    }

    private static TaskForm read(String json) {
        return FormReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

}
