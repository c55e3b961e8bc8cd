"""The xAPI activity types of what courses record events about (guild.xapi.vocabulary; docs/content.md)."""

from guild.xapi.vocabulary import adl_activity, register_activity

register_activity("course", iri=adl_activity("course"), name="course")
register_activity("lesson", iri=adl_activity("lesson"), name="lesson")
register_activity("quiz", iri=adl_activity("assessment"), name="quiz (assessment)")
register_activity("question", iri=adl_activity("question"), name="question asked on a lesson")
register_activity("discussion", iri="discussion", name="discussion thread")
register_activity("certificate", iri="certificate", name="certificate")
